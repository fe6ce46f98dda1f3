@NullMarked
package vn.gov.moha.portal.home;

import org.jspecify.annotations.NullMarked;
