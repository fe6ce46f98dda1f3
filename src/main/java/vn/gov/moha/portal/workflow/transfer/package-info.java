/**
 * Transferring an ended unit's work to its successor (issue 18): one unit from the units screen, or many from a
 * CSV/XLSX file (the 1/7/2025 merger of provinces ships as one), each with a preview of what moves.
 */
@NullMarked
package vn.gov.moha.portal.workflow.transfer;

import org.jspecify.annotations.NullMarked;
