@NullMarked
package vn.gov.moha.portal.workflow.ui;

import org.jspecify.annotations.NullMarked;
