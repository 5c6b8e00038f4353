"""Learning platforms (Moodle, Canvas): their downloads in, their grade worksheets back."""
