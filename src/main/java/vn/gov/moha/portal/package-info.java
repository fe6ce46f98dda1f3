@NullMarked
package vn.gov.moha.portal;

import org.jspecify.annotations.NullMarked;
