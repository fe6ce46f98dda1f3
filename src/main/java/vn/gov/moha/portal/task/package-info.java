@NullMarked
package vn.gov.moha.portal.task;

import org.jspecify.annotations.NullMarked;
