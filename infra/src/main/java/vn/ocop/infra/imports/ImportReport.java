package vn.ocop.infra.imports;

import java.util.List;

/**
 * What an import found and did.
 *
 * @param status    {@code CHECKED} (a dry run found nothing wrong), {@code INVALID} (problems listed; nothing
 *                  recorded), {@code RUNNING}, {@code APPLIED} (every row recorded) or {@code STOPPED} (a command
 *                  was refused at {@code applied.stoppedAtRow}; the rows before it are recorded, and importing the
 *                  file again, mended, goes on from there)
 * @param sha256    the file's digest, which the recorded commands reference with the row
 * @param rows      data rows in the file
 * @param validRows rows that passed every check
 * @param problems  every problem found, by row and column
 * @param applied   what was recorded, when the file was applied
 * @param progress  rows recorded of the rows to record
 */
public record ImportReport(String importId, boolean dryRun, String status, String sha256, int rows, int validRows,
                           List<ListCheck.Problem> problems, Applied applied, Progress progress) {

    /** What applying recorded: rows, accepted commands, and where and why it stopped if it did. */
    public record Applied(int rowsRecorded, long commandsAccepted, Integer stoppedAtRow, String refusal) {
    }

    public record Progress(int done, int total) {
    }
}
