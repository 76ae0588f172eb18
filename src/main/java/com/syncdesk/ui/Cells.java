package com.syncdesk.ui;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Table cells of text that a narrow column may cut: each carries its whole value as a tooltip. */
public final class Cells {

    private Cells() {
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
