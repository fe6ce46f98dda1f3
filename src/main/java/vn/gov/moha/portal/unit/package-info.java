@NullMarked
package vn.gov.moha.portal.unit;

import org.jspecify.annotations.NullMarked;
