"""Learning platforms' own downloads (Moodle, Canvas) as submissions; see docs/lms.md."""
