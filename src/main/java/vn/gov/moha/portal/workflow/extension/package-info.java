@NullMarked
package vn.gov.moha.portal.workflow.extension;

import org.jspecify.annotations.NullMarked;
