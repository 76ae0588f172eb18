package com.syncdesk.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.github.javakeyring.BackendNotSupportedException;
import com.syncdesk.jira.sim.JiraSimulator;
import com.syncdesk.jira.sim.SimulatorConfig;

/** Secrets live in the keyring when there is one, else come from the environment or stay for the session; each says where. */
class JiraSecretsTest {

    private static final JiraSite SITE = JiraSite.cloud("https://acme.atlassian.net", "ops@example.com");
    private static final KeyringTokenStore.Opening NO_KEYRING = new KeyringTokenStore.Unavailable("no OS keyring is available (test)");

    @Test
    void thisMachineDoesWithoutAKeyringQuickly() {
        long started = System.nanoTime();
        JiraSecrets secrets = JiraSecrets.forThisMachine();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(JiraSecrets.KEYRING_TIMEOUT.plusSeconds(1));
        JiraSite site = JiraSite.cloud("https://syncdesk-test.invalid", "secrets-test-" + System.nanoTime() + "@example.com");
        TokenLocation saved = secrets.save(site, Secret.of("a-test-token"));
        try {
            if (secrets.hasKeyring()) {
                assertThat(saved).isEqualTo(TokenLocation.KEYRING);
                assertThat(secrets.keyringProblem()).isEmpty();
            } else {
                assertThat(saved).isEqualTo(TokenLocation.SESSION);
                assertThat(secrets.keyringProblem()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
            }
            assertThat(secrets.find(site)).hasValueSatisfying(found -> assertThat(found.secret().reveal()).isEqualTo("a-test-token"));
        } finally {
            secrets.forget(site);
        }
        assertThat(secrets.find(site).map(JiraSecrets.Found::location)).isNotEqualTo(Optional.of(saved));
    }

    @Test
    void aKeyringThatHangsIsGivenUpOnWithinTheTimeout() {
        long started = System.nanoTime();
        KeyringTokenStore.Opening opening = KeyringTokenStore.open(() -> {
            Thread.sleep(60_000);
            return null;
        }, Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(opening).isEqualTo(new KeyringTokenStore.Unavailable("the OS keyring did not answer within 300 ms"));
    }

    @Test
    void aMissingKeyringBackendSaysWhy() {
        KeyringTokenStore.Opening opening = KeyringTokenStore.open(() -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }, Duration.ofSeconds(1));

        assertThat(opening).isEqualTo(new KeyringTokenStore.Unavailable("no OS keyring is available (No available keyring backend found)"));
    }

    @Test
    void withoutAKeyringASavedTokenIsKeptForThisSessionOnly() {
        JiraSecrets secrets = JiraSecrets.of(NO_KEYRING, name -> null);

        TokenLocation location = secrets.save(SITE, Secret.of("session-token"));

        assertThat(location).isEqualTo(TokenLocation.SESSION);
        assertThat(location.describe()).isEqualTo("kept for this session only");
        assertThat(secrets.find(SITE)).hasValueSatisfying(found -> {
            assertThat(found.location()).isEqualTo(TokenLocation.SESSION);
            assertThat(found.secret().reveal()).isEqualTo("session-token");
        });
        assertThat(secrets.find(SITE.withParkAfterFailures(2))).as("the same site and user").isPresent();
        assertThat(secrets.find(JiraSite.cloud("https://other.atlassian.net", "ops@example.com"))).isEmpty();
        secrets.forget(SITE);
        assertThat(secrets.find(SITE)).isEmpty();
    }

    @Test
    void theEnvironmentVariableServesWhenNothingIsStored() {
        JiraSecrets secrets = JiraSecrets.of(NO_KEYRING, Map.of("SYNCDESK_JIRA_TOKEN", " env-token \n")::get);

        assertThat(secrets.find(SITE)).hasValueSatisfying(found -> {
            assertThat(found.location()).isEqualTo(TokenLocation.ENVIRONMENT);
            assertThat(found.location().describe()).isEqualTo("taken from the environment variable SYNCDESK_JIRA_TOKEN");
            assertThat(found.secret().reveal()).isEqualTo("env-token");
        });
        assertThat(secrets.save(SITE, Secret.of("typed"))).as("the environment is never written").isEqualTo(TokenLocation.SESSION);
        assertThat(TokenLocation.KEYRING.describe()).isEqualTo("stored in the OS keyring");
    }

    @Test
    void theEnvironmentCannotBeWritten() {
        EnvironmentTokenStore environment = new EnvironmentTokenStore(name -> null);

        assertThat(environment.canWrite()).isFalse();
        assertThatThrownBy(() -> environment.write(SITE, Secret.of("x"))).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("SyncDesk cannot set SYNCDESK_JIRA_TOKEN; set it in the environment that starts SyncDesk.");
    }

    @Test
    void aSecretShowsAsRedactedAndCanBeWiped() {
        char[] typed = "pat-1234567890".toCharArray();
        Secret secret = Secret.of(typed);
        Secret copy = secret.copy();
        Arrays.fill(typed, 'x');

        assertThat(secret).hasToString("[redacted]");
        assertThat(secret.reveal()).as("a copy of what was typed").isEqualTo("pat-1234567890");
        secret.destroy();
        assertThat(secret.isEmpty()).isTrue();
        assertThat(copy.reveal()).isEqualTo("pat-1234567890");
    }

    @Test
    void aClientRefusesAnEmptySecret() {
        assertThatThrownBy(() -> JiraClient.open(SITE, Secret.of(""), JiraClientOptions.defaults()))
                .hasMessage("No API token for ops@example.com at https://acme.atlassian.net (JIRA Cloud)");
    }

    @Test
    void aClientKeepsItsOwnCopyOfTheSecret() {
        try (JiraSimulator sim = JiraSimulator.start(SimulatorConfig.cloud(1, 10))) {
            Secret typed = sim.token();
            try (JiraClient client = JiraClient.open(sim.site(), typed, JiraClientOptions.defaults())) {
                typed.destroy();

                assertThat(client.myself().emailAddress()).isEqualTo("ops@example.com");
            }
        }
    }
}
