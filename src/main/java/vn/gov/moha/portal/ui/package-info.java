@NullMarked
package vn.gov.moha.portal.ui;

import org.jspecify.annotations.NullMarked;
