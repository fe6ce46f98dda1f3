@NullMarked
package vn.gov.moha.portal.workflow.period;

import org.jspecify.annotations.NullMarked;
