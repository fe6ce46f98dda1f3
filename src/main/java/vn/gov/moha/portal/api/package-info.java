/** The REST API, /api/v1: thin controllers over the workflow services, personal access tokens as bearer tokens. */
@NullMarked
package vn.gov.moha.portal.api;

import org.jspecify.annotations.NullMarked;
