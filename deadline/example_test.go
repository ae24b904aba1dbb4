package deadline_test

import (
	"fmt"
	"time"

	"privacyd/deadline"
)

// The example of DESIGN.md: 5 March 2026 + one month is Easter Sunday, the
// next day Easter Monday, so the period ends at the end of Tuesday 7 April.
func ExampleRules_Compute() {
	r, err := deadline.NewRules("Europe/Amsterdam", "NL", nil)
	if err != nil {
		panic(err)
	}
	res := r.Compute(time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC))
	fmt.Println(res.ReceivedDate, res.Due, res.ExtendedDue)
	fmt.Println("ends", r.EndOf(res.Due).Format(time.RFC3339))
	fmt.Println("warn", r.AddWorkingDays(res.Due, -3))
	// Output:
	// 2026-03-05 2026-04-07 2026-06-05
	// ends 2026-04-08T00:00:00+02:00
	// warn 2026-03-31
}
