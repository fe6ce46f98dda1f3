/** Sign-in with the ministry's directory (LDAP / Active Directory), {@code portal.ldap.*}: README "Đăng nhập bằng danh bạ". */
@NullMarked
package vn.gov.moha.portal.directory;

import org.jspecify.annotations.NullMarked;
