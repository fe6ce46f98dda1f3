@NullMarked
package vn.gov.moha.portal.backup;

import org.jspecify.annotations.NullMarked;
