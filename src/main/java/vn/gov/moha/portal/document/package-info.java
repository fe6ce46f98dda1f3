/**
 * Official documents (văn bản): the Quyết định, Kế hoạch or Công văn a task is assigned by, or that an extension
 * request or a completion report cites, with its signed PDF. The workflow links them; this package knows nothing
 * of the workflow, so who may download a document's file is decided by the workflow service that shows it.
 */
@NullMarked
package vn.gov.moha.portal.document;

import org.jspecify.annotations.NullMarked;
