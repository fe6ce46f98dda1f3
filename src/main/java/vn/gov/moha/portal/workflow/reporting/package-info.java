@NullMarked
package vn.gov.moha.portal.workflow.reporting;

import org.jspecify.annotations.NullMarked;
