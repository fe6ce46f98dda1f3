@NullMarked
package vn.gov.moha.portal.workflow.adhoc;

import org.jspecify.annotations.NullMarked;
