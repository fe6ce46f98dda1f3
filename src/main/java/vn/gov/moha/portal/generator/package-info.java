@NullMarked
package vn.gov.moha.portal.generator;

import org.jspecify.annotations.NullMarked;
