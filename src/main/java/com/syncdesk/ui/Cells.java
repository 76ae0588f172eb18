package com.syncdesk.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import com.syncdesk.app.Texts;

/** Table cells of text that a narrow column may cut: each carries its whole value as a tooltip. */
public final class Cells {

    /** The root font size of the AtlantaFX themes. */
    private static final double FONT_SIZE = 14;
    /** A cell's padding and the column's border, either side. */
    private static final double CELL_CHROME = 24;

    private Cells() {
    }

    /**
     * How wide a column must be to show a timestamp whole in the one timestamp style (the widest day and hour of
     * the year, with the zone), measured in the theme's font rather than guessed.
     */
    public static double timestampWidth(Texts texts) {
        Instant widest = LocalDateTime.of(2026, 12, 22, 12, 58, 58).atZone(texts.zone()).toInstant();
        Text sample = new Text(texts.timestamp(widest));
        sample.setFont(Font.font(Font.getDefault().getFamily(), FONT_SIZE));
        return Math.ceil(sample.getLayoutBounds().getWidth() + CELL_CHROME);
    }

    /** A column of timestamps that never cuts one: at least {@link #timestampWidth} wide. */
    public static <S, T> TableColumn<S, T> timestamps(TableColumn<S, T> column, Texts texts) {
        double width = timestampWidth(texts);
        column.setMinWidth(width);
        column.setPrefWidth(Math.max(width, column.getPrefWidth()));
        return column;
    }

    /** A column showing {@code value} of each row, cut values readable on hover. */
    public static <S> TableColumn<S, String> text(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        withTooltips(column);
        return column;
    }

    /** Gives a column of text cells whose tooltip is the cell's whole text. */
    public static <S> void withTooltips(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Tooltip whole = new Tooltip();

            {
                whole.setWrapText(true);
                whole.setMaxWidth(640);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null && !item.isEmpty();
                setText(shown ? item : null);
                whole.setText(shown ? item : "");
                setTooltip(shown ? whole : null);
            }
        });
    }
}
