package com.syncdesk.ui.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import com.syncdesk.ui.AppContext;
import com.syncdesk.ui.Cells;
import com.syncdesk.ui.Fxml;
import com.syncdesk.ui.Page;

/** The Audit Log page: every operator action, newest first, filtered by time, operator and action. */
public final class AuditController implements Page {

    @FXML
    private BorderPane root;
    @FXML
    private Label summaryLabel;
    @FXML
    private ChoiceBox<AuditViewModel.Period> periodBox;
    @FXML
    private ComboBox<String> operatorBox;
    @FXML
    private ComboBox<String> actionBox;
    @FXML
    private TableView<AuditViewModel.Line> table;
    @FXML
    private Label placeholder;
    @FXML
    private Button firstButton;
    @FXML
    private Button previousButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Button nextButton;

    private AuditViewModel model;

    public static AuditController create(AppContext context) {
        AuditController controller = Fxml.load("/com/syncdesk/ui/audit/audit.fxml");
        controller.init(context, new AuditViewModel(context));
        return controller;
    }

    private void init(AppContext context, AuditViewModel model) {
        this.model = model;
        model.setOnFailure(failure -> context.dialogs().failure("The audit log could not be read", failure));

        periodBox.getItems().setAll(AuditViewModel.Period.values());
        periodBox.setConverter(words(AuditViewModel.Period::words));
        periodBox.valueProperty().bindBidirectional(model.periodProperty());
        choices(operatorBox, model.operators(), AuditViewModel::operatorWords);
        operatorBox.valueProperty().bindBidirectional(model.operatorProperty());
        choices(actionBox, model.actions(), AuditViewModel::actionWords);
        actionBox.valueProperty().bindBidirectional(model.actionProperty());

        table.setItems(model.rows());
        table.getColumns().setAll(List.of(
                Cells.timestamps(Cells.text("When", 215, AuditViewModel.Line::when), context.texts()),
                column("Who", 100, 70, AuditViewModel.Line::who),
                column("Action", 150, 110, AuditViewModel.Line::what),
                column("Changed", 110, 90, AuditViewModel.Line::changed),
                column("Applied to", 330, 140, AuditViewModel.Line::target),
                column("Notes", 220, 90, AuditViewModel.Line::notes)));
        table.getColumns().forEach(c -> c.setSortable(false));

        summaryLabel.textProperty().bind(model.summaryProperty());
        placeholder.textProperty().bind(model.summaryProperty());
        pageLabel.textProperty().bind(model.pageTextProperty());
        firstButton.disableProperty().bind(model.hasPreviousProperty().not());
        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
    }

    /** A box of the log's values with "any" first; the closed box words what is chosen. */
    private static void choices(ComboBox<String> box, ObservableList<String> values, Function<String, String> words) {
        Runnable fill = () -> {
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(values);
            String chosen = box.getValue();
            box.getItems().setAll(items);
            box.setValue(chosen);
        };
        fill.run();
        values.addListener((ListChangeListener<String>) change -> fill.run());
        box.setConverter(words(words));
        box.setButtonCell(cell(words));
        box.setCellFactory(list -> cell(words));
    }

    private static ListCell<String> cell(Function<String, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : words.apply(item));
            }
        };
    }

    private static <T> StringConverter<T> words(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return words.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    private static TableColumn<AuditViewModel.Line, String> column(String title, double width, double least,
                                                                    Function<AuditViewModel.Line, String> value) {
        TableColumn<AuditViewModel.Line, String> column = Cells.text(title, width, value);
        column.setMinWidth(least);
        return column;
    }

    public AuditViewModel model() {
        return model;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    @FXML
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void clearFilter() {
        model.clearFilter();
    }

    @FXML
    private void firstPage() {
        model.firstPage();
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }
}
