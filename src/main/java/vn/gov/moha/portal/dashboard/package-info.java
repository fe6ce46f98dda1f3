@NullMarked
package vn.gov.moha.portal.dashboard;

import org.jspecify.annotations.NullMarked;
