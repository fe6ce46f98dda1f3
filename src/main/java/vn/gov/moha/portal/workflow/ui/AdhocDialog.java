package vn.gov.moha.portal.workflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import vn.gov.moha.portal.common.FileStore;
import vn.gov.moha.portal.common.FileTypes;
import vn.gov.moha.portal.common.InvalidInputException;
import vn.gov.moha.portal.ui.FormErrors;
import vn.gov.moha.portal.ui.Notifications;
import vn.gov.moha.portal.ui.Pickers;
import vn.gov.moha.portal.ui.TextLimit;
import vn.gov.moha.portal.ui.UploadTexts;
import vn.gov.moha.portal.unit.OrgUnit;
import vn.gov.moha.portal.unit.UnitKind;
import vn.gov.moha.portal.workflow.adhoc.AdhocDraft;
import vn.gov.moha.portal.workflow.adhoc.AdhocKind;
import vn.gov.moha.portal.workflow.adhoc.AdhocRequest;
import vn.gov.moha.portal.workflow.adhoc.AdhocService;

/**
 * A manager asks units for an ad hoc or thematic report: the subject, what to report, the due date, the units
 * (all provinces, or all the ministry's departments, in one click) and an optional template file, which is
 * checked and kept with the request when it is saved (not before).
 */
class AdhocDialog extends Dialog {

    final Select<AdhocKind> kind = new Select<>();
    final TextField title = new TextField();
    final TextArea content = new TextArea();
    final DatePicker due = Pickers.date("adhoc.due");
    final MultiSelectComboBox<OrgUnit> units = new MultiSelectComboBox<>();
    final Button allProvinces = new Button();
    final Button allDepartments = new Button();
    final Upload template;
    final Paragraph fileError = new Paragraph();
    final Button save = new Button();
    private @Nullable String templateName;
    private @Nullable File templateFile;

    AdhocDialog(
            AdhocService service,
            List<OrgUnit> valid,
            @Nullable Long myUnit,
            boolean english,
            Consumer<AdhocRequest> onSaved) {
        setHeaderTitle(getTranslation("adhoc.new"));
        kind.setLabel(getTranslation("adhoc.kind"));
        kind.setItems(AdhocKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation(k.translationKey()));
        kind.setValue(AdhocKind.AD_HOC);
        title.setLabel(getTranslation("adhoc.title"));
        TextLimit.apply(title, AdhocService.MAX_TITLE);
        content.setLabel(getTranslation("adhoc.content"));
        content.setHelperText(getTranslation("adhoc.content.help"));
        TextLimit.apply(content, AdhocService.MAX_CONTENT);
        due.setHelperText(getTranslation("adhoc.due.help"));
        due.setMin(LocalDate.now());
        List<OrgUnit> askable =
                valid.stream().filter(u -> u.getKind() != UnitKind.MINISTRY).toList();
        units.setLabel(getTranslation("adhoc.units"));
        units.setItems(askable);
        units.setItemLabelGenerator(u -> u.name(english));
        allProvinces.setText(getTranslation("adhoc.allProvinces"));
        allProvinces.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allProvinces.addClickListener(e -> choose(askable, UnitKind.PROVINCE, myUnit));
        allDepartments.setText(getTranslation("adhoc.allDepartments"));
        allDepartments.addThemeVariants(ButtonVariant.LUMO_SMALL);
        allDepartments.addClickListener(e -> choose(askable, UnitKind.DEPARTMENT, myUnit));
        Div quick = new Div(allProvinces, allDepartments);
        quick.addClassName("adhoc-quick");

        template = new Upload(UploadHandler.toTempFile((meta, file) -> {
            discardTemplate();
            templateName = meta.fileName();
            templateFile = file;
        }));
        UploadTexts.apply(template);
        template.setMaxFiles(1);
        template.setMaxFileSize((int) FileStore.MAX_FILE_BYTES);
        template.setAcceptedFileTypes(FileTypes.BY_EXTENSION.keySet().stream()
                .sorted()
                .map(x -> "." + x)
                .toArray(String[]::new));
        template.addFileRemovedListener(e -> discardTemplate());
        template.addFileRejectedListener(e -> fileError.setText(e.getErrorMessage()));
        fileError.addClassName("upload-error");
        Span templateLabel = new Span(getTranslation("adhoc.template"));
        templateLabel.addClassName("field-label");
        Span templateHelp = new Span(getTranslation("adhoc.template.help"));
        templateHelp.addClassName("cell-note");
        Div templateBox = new Div(templateLabel, template, templateHelp, fileError);
        templateBox.addClassName("adhoc-template");

        FormLayout form = new FormLayout(kind, due, title, content, units, quick, templateBox);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        for (Component c : List.<Component>of(title, content, units, quick, templateBox)) {
            form.setColspan(c, 2);
        }
        add(form);

        FormErrors errors = new FormErrors()
                .field("kind", kind)
                .field("title", title)
                .field("content", content)
                .field("due", due)
                .field("units", units);
        save.setText(getTranslation("adhoc.send"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true);
        save.addClickListener(e -> {
            fileError.setText("");
            try (InputStream in = templateFile == null ? null : new FileInputStream(templateFile)) {
                AdhocRequest saved = service.create(new AdhocDraft(
                        kind.getValue(),
                        title.getValue(),
                        content.getValue(),
                        due.getValue(),
                        units.getValue().stream().map(OrgUnit::getId).collect(Collectors.toSet()),
                        templateName,
                        in));
                Notifications.success(
                        getTranslation("adhoc.created", units.getValue().size()));
                discardTemplate();
                close();
                onSaved.accept(saved);
            } catch (InvalidInputException ex) {
                errors.show(withoutFile(ex));
                ex.problems().stream()
                        .filter(p -> p.field().equals("file"))
                        .findFirst()
                        .ifPresent(p -> fileError.setText(FormErrors.message(p)));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } finally {
                save.setEnabled(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        addDialogCloseActionListener(e -> {
            discardTemplate();
            close();
        });
        setWidth("min(760px, 100vw)");
    }

    /** Every unit of the kind valid today, except the manager's own department. */
    private void choose(List<OrgUnit> askable, UnitKind unitKind, @Nullable Long myUnit) {
        units.setValue(askable.stream()
                .filter(u -> u.getKind() == unitKind && !Objects.equals(u.getId(), myUnit))
                .collect(Collectors.toSet()));
    }

    /** The problems named by fields of the form; a file's is shown under the upload instead. */
    private static InvalidInputException withoutFile(InvalidInputException ex) {
        List<InvalidInputException.Problem> rest =
                ex.problems().stream().filter(p -> !p.field().equals("file")).toList();
        return new InvalidInputException(rest);
    }

    private void discardTemplate() {
        if (templateFile != null && !templateFile.delete()) {
            templateFile.deleteOnExit();
        }
        templateFile = null;
        templateName = null;
    }

    /** For tests: a template as if uploaded. */
    void attach(String name, File file) {
        templateName = name;
        templateFile = file;
    }

    Set<OrgUnit> chosen() {
        return units.getValue();
    }
}
