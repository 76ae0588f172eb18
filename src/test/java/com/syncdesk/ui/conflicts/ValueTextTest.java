package com.syncdesk.ui.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.syncdesk.app.Texts;
import com.syncdesk.conflict.EntityFields.Kind;

class ValueTextTest {

    private final ValueText german = new ValueText(new Texts(Locale.GERMANY, ZoneId.of("Europe/Berlin")));

    @Test
    void datesAndNumbersReadInTheOperatorsLocaleAndZone() {
        assertThat(german.format(TextNode.valueOf("2026-01-19T17:00:00Z"), Kind.TIMESTAMP)).isEqualTo("19.01.2026, 18:00:00 MEZ");
        assertThat(german.format(DecimalNode.valueOf(new BigDecimal("2.5")), Kind.DECIMAL)).isEqualTo("2,5");
    }

    @Test
    void typedValuesGoBackAsTheServiceExpectsThem() {
        assertThat(german.parse("2,5", Kind.DECIMAL)).isEqualTo(DecimalNode.valueOf(new BigDecimal("2.5")));
        assertThat(german.parse("19.01.2026, 18:00:00", Kind.TIMESTAMP)).isEqualTo(TextNode.valueOf("2026-01-19T17:00:00Z"));
        assertThat(german.parse("2026-01-19T17:00:00Z", Kind.TIMESTAMP)).isEqualTo(TextNode.valueOf("2026-01-19T17:00:00Z"));
        assertThat(german.parse("  ", Kind.TEXT)).isEqualTo(NullNode.getInstance());
        assertThat(german.parse("three", Kind.DECIMAL)).as("left for the column check to name").isEqualTo(TextNode.valueOf("three"));
    }
}
