@NullMarked
package vn.gov.moha.portal.layout;

import org.jspecify.annotations.NullMarked;
