@NullMarked
package vn.gov.moha.portal.workflow.assignment;

import org.jspecify.annotations.NullMarked;
