"""English dates as the site has always printed them: "November 29, 2026" in running text."""

DATE_FORMAT = "F j, Y"
