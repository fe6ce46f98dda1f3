@NullMarked
package vn.gov.moha.portal.security;

import org.jspecify.annotations.NullMarked;
