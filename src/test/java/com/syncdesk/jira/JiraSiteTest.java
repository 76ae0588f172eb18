package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.syncdesk.syncstate.ResolutionStrategy;

/** A site's settings are checked when made, in words an operator understands. */
class JiraSiteTest {

    @ParameterizedTest
    @CsvSource({
            "https://acme.atlassian.net, https://acme.atlassian.net",
            "https://ACME.atlassian.net/, https://acme.atlassian.net",
            "  https://jira.example.com/jira//  , https://jira.example.com/jira",
            "http://127.0.0.1:8089, http://127.0.0.1:8089",
            "HTTPS://jira.example.com:8443/, https://jira.example.com:8443"})
    void aBaseUrlIsNormalised(String typed, String kept) {
        assertThat(JiraSite.parseBaseUrl(typed)).hasToString(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ops:s3cret-pass@jira.example.com", "https://ops@jira.example.com", "https://ops:s3cret pass@jira.example.com"})
    void aBaseUrlWithCredentialsIsRefusedWithoutRepeatingThem(String typed) {
        assertThatThrownBy(() -> JiraSite.parseBaseUrl(typed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain a user name or password").message().doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://jira.example.com | The JIRA address must start with https:// (or http://): ftp://jira.example.com",
            "jira.example.com | The JIRA address must start with https:// (or http://): jira.example.com",
            "https:///rest | The JIRA address has no host name: https:///rest",
            "https://jira.example.com/?os_authType=basic | The JIRA address is the site's base address, without a query or #fragment: "
                    + "https://jira.example.com/?os_authType=basic",
            "'' | The JIRA address is missing."})
    void aBaseUrlThatIsNoSiteIsRefused(String typed, String message) {
        assertThatThrownBy(() -> JiraSite.parseBaseUrl(typed)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void cloudSitesHaveSensibleDefaults() {
        JiraSite site = JiraSite.cloud("https://acme.atlassian.net", "ops@example.com");

        assertThat(site.authScheme()).isEqualTo(JiraAuthScheme.API_TOKEN);
        assertThat(site.parkAfterFailures()).isEqualTo(5);
        assertThat(site.conflictStrategy()).isEqualTo(ResolutionStrategy.MANUAL);
        assertThat(site.syncInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(site.describe()).isEqualTo("ops@example.com at https://acme.atlassian.net (JIRA Cloud)");
    }

    @Test
    void theSyncScopeAndPoliciesAreKept() {
        JiraSite site = JiraSite.dataCenter("https://jira.example.com", JiraAuthScheme.PERSONAL_ACCESS_TOKEN, null)
                .withBoards(List.of(12L, 14L)).withProjects(List.of("PAY", "WEB_2")).withConflictStrategy(ResolutionStrategy.JIRA_WINS)
                .withSyncInterval(Duration.ofMinutes(5)).withParkAfterFailures(3);

        assertThat(site.boardIds()).containsExactly(12L, 14L);
        assertThat(site.projectKeys()).containsExactly("PAY", "WEB_2");
        assertThat(site.conflictStrategy()).isEqualTo(ResolutionStrategy.JIRA_WINS);
        assertThat(site.parkAfterFailures()).isEqualTo(3);
        assertThat(site.describe()).isEqualTo("a personal access token at https://jira.example.com (JIRA Data Center)");
    }

    @Test
    void contradictorySettingsAreRefused() {
        String url = "https://acme.atlassian.net";
        assertThatThrownBy(() -> JiraSite.cloud(url, "ops")).hasMessage("JIRA Cloud signs in with the account's e-mail address, not a user name: ops");
        assertThatThrownBy(() -> JiraSite.cloud(url, null)).hasMessage("JIRA Cloud needs the e-mail address of the account the API token belongs to.");
        assertThatThrownBy(() -> JiraSite.dataCenter(url, JiraAuthScheme.API_TOKEN, "ops"))
                .hasMessage("JIRA Data Center takes a personal access token or a user name and password, not an API token.");
        assertThatThrownBy(() -> JiraSite.dataCenter(url, JiraAuthScheme.PASSWORD, " "))
                .hasMessage("Signing in to JIRA Data Center with a password needs the user name.");
        JiraSite site = JiraSite.cloud(url, "ops@example.com");
        assertThatThrownBy(() -> site.withConflictStrategy(ResolutionStrategy.AUTO))
                .hasMessage("The default conflict strategy is manual, jira_wins or local_wins.");
        assertThatThrownBy(() -> site.withParkAfterFailures(0)).hasMessage("Parking after 0 failures makes no sense; use 1 or more.");
        assertThatThrownBy(() -> site.withSyncInterval(Duration.ZERO)).hasMessage("The sync interval must be positive: PT0S");
        assertThatThrownBy(() -> site.withProjects(List.of("pay")))
                .hasMessage("A JIRA project key is upper-case letters, digits and underscores, starting with a letter: pay");
        assertThatThrownBy(() -> site.withBoards(List.of(0L))).hasMessage("A board id is a positive number: 0");
    }
}
