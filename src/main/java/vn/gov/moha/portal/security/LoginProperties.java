package vn.gov.moha.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When {@link LoginProtection} locks an account and holds back an address, {@code portal.login.*}.
 *
 * @param maxFailures           wrong passwords in a row that lock an account
 * @param maxFailuresPerAddress failures from one address, on any accounts, within the lock time that hold it back
 * @param lockMinutes           how long an account stays locked
 * @param addressHoldMinutes    how long an address is held back
 */
@ConfigurationProperties("portal.login")
record LoginProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("50") int maxFailuresPerAddress,
        @DefaultValue("15") long lockMinutes,
        @DefaultValue("5") long addressHoldMinutes) {}
