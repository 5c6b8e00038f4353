<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Choose level 1 (the lowest) for the current criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose level {n} for the current criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the current criterion&apos;s level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next criterion not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a comment on the current criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a sentence from the current criterion&apos;s comment bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the text box, back to the criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the overall feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion {position} of {count}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the earner on this criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment bank: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a sentence from this criterion&apos;s bank (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ &lt;b&gt;{label} (chosen): {descriptor}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}:&lt;/b&gt; {descriptor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (chosen): {descriptor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {descriptor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the review (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the submitted review back to work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted {when}: {decision}. Reopen the review to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why are you reopening the review of {submission}? (kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submission is open. Choose one from the queue to score it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{submission} · {credential}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overall feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback for the earner on the whole submission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No overall feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to the data folder ({detail}). What you typed is still here and will be saved again in a few seconds; check the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review was not reopened: give a reason for reopening it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} has {n} levels: press 1 to {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every criterion is scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{criterion}: {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: meets the standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: below the passing level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now: none, {count} not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; {count} already below the passing level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now: Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now: Not Yet: {count} below the passing level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now: Not Yet: the total is below the pass mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision if submitted now: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {total} of {most}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pass needs {needed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: 1 criterion is not scored yet: {titles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: {n} criteria are not scored yet: {titles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current criterion {position} of {count}: {title}. {state}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Written answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence items by rubric part (Alt+Down: next item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence items heading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submission is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a submission in the queue to read its evidence here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous evidence item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{part}, {count} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, has a warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {n} of {count}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This submission has no evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle listed no files and no written answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Image viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move the picture; Ctrl and the mouse wheel zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder was changed outside Portfolio Reviewer. Check it with “reviewer-app check”, or import the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This image is damaged and cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it with your system&apos;s viewer, which may show what is left of it, or ask the earner for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{width} by {height} pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {frame} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OtherView</name>
    <message>
        <source>File details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio Reviewer cannot show this kind of file. Your system&apos;s viewer opens a read-only copy, so the evidence stays as the earner sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file is missing from the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {kind}, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application on this computer opened it. Install a viewer for {kind} files, or ask the earner for another format.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfProblemPane</name>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password the earner gave you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the PDF with this password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password did not open it. Check it with the earner, or open the file with your system&apos;s viewer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfSearch</name>
    <message>
        <source>Find in PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{find}; Enter: next match, Shift+Enter: previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <source>PDF viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF pages: Page Down and Page Up move by a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page number: type a page and press Enter to go there ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom: {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <source>Text viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored file is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder was changed outside Portfolio Reviewer. Check it with “reviewer-app check”, or import the bundle again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text cannot be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
