"""Big-database generator and timed scenarios: reported in docs/PERFORMANCE.md, never asserted."""
