@NullMarked
package vn.gov.moha.portal.referencedata;

import org.jspecify.annotations.NullMarked;
