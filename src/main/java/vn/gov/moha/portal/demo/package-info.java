@NullMarked
package vn.gov.moha.portal.demo;

import org.jspecify.annotations.NullMarked;
