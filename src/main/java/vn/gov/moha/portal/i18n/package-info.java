@NullMarked
package vn.gov.moha.portal.i18n;

import org.jspecify.annotations.NullMarked;
