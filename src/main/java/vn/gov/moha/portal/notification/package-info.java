@NullMarked
package vn.gov.moha.portal.notification;

import org.jspecify.annotations.NullMarked;
