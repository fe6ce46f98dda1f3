@NullMarked
package vn.gov.moha.portal.user;

import org.jspecify.annotations.NullMarked;
