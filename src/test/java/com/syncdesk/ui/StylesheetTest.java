package com.syncdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javafx.css.CssParser;

import org.junit.jupiter.api.Test;

/** A stylesheet with a syntax error loses every rule after it, silently in the window: catch it here. */
class StylesheetTest {

    @Test
    void syncDeskStylesheetParsesWithoutErrors() throws IOException {
        CssParser.errorsProperty().clear();
        var stylesheet = new CssParser().parse(StylesheetTest.class.getResource("/com/syncdesk/ui/syncdesk.css"));
        assertThat(CssParser.errorsProperty()).as("CSS parse errors").isEmpty();
        assertThat(stylesheet.getRules()).hasSizeGreaterThan(50);
    }
}
