@NullMarked
package vn.gov.moha.portal.calendar;

import org.jspecify.annotations.NullMarked;
