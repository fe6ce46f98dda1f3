package vn.gov.moha.portal.workflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

import com.vaadin.flow.component.button.Button;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import vn.gov.moha.portal.workflow.WorkflowFixture;

/** The assign dialog filled as a manager fills it, for the screen tests that assign ("Giao nhiệm vụ"). */
final class AssignDialogSteps {

    private AssignDialogSteps() {}

    /** Clicks "Giao nhiệm vụ" on the assignment list shown, and picks the task of that number. */
    static AssignDialog openFor(int taskNumber) {
        _click(_get(Button.class, b -> b.withText("Giao nhiệm vụ")));
        AssignDialog dialog = _get(AssignDialog.class);
        _setValue(
                dialog.task,
                dialog.task
                        .getListDataView()
                        .getItems()
                        .filter(t -> t.getNumber() == taskNumber)
                        .findFirst()
                        .orElseThrow());
        return dialog;
    }

    /** The lead units of these codes. */
    static void leadUnits(AssignDialog dialog, String... codes) {
        Set<String> wanted = Set.of(codes);
        _setValue(
                dialog.leadUnits,
                dialog.leadUnits
                        .getListDataView()
                        .getItems()
                        .filter(u -> wanted.contains(u.getCode()))
                        .collect(Collectors.toSet()));
    }

    /** The deadline and expected output the tests give: in 30 days, a report on streamlining staff. */
    static void deadlineAndOutput(AssignDialog dialog) {
        _setValue(dialog.deadline, LocalDate.now().plusDays(30));
        _setValue(dialog.expectedOutput, "Báo cáo kết quả tinh giản biên chế");
    }

    /** A valid assigning document of that number, dated 05/01/2024, with a PDF held as if uploaded. */
    static void document(DocumentFields d, String number) {
        _setValue(d.number, number);
        _setValue(d.issuedOn, LocalDate.of(2024, 1, 5));
        _setValue(d.summary, "Kế hoạch triển khai tinh giản biên chế năm 2024");
        _setValue(d.issuer, "Bộ Nội vụ");
        _setValue(d.signer, "Nguyễn Minh Quang");
        try {
            d.file.hold("ke-hoach.pdf", new ByteArrayInputStream(WorkflowFixture.PDF));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
