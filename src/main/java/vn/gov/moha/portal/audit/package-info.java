@NullMarked
package vn.gov.moha.portal.audit;

import org.jspecify.annotations.NullMarked;
