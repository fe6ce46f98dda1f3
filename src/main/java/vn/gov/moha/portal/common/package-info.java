@NullMarked
package vn.gov.moha.portal.common;

import org.jspecify.annotations.NullMarked;
