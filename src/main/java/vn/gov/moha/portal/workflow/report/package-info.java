@NullMarked
package vn.gov.moha.portal.workflow.report;

import org.jspecify.annotations.NullMarked;
