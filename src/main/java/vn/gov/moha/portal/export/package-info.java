@NullMarked
package vn.gov.moha.portal.export;

import org.jspecify.annotations.NullMarked;
