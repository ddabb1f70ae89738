package measure

import (
	"math"
)

// z95 is the standard normal quantile for a two-sided 95% interval.
const z95 = 1.959963984540054

// Interval is a 95% confidence interval, in the unit of the score it goes
// with (NPS points, CSAT percent, CES scale points).
type Interval struct {
	Low, High float64
}

// Width is High - Low.
func (i Interval) Width() float64 { return i.High - i.Low }

// NPS is the Net Promoter Score of answers on 0-10: the percentage of
// promoters (9-10) minus the percentage of detractors (0-6), from -100 to
// 100, with the normal-approximation interval on the trinomial: the
// variance of the difference of the two shares is
// (p+ + p- - (p+ - p-)^2) / n. The interval is clipped to [-100, 100].
func NPS(promoters, passives, detractors int) (score float64, ci Interval) {
	n := float64(promoters + passives + detractors)
	if n == 0 {
		return 0, Interval{}
	}
	pp, pd := float64(promoters)/n, float64(detractors)/n
	d := pp - pd
	v := (pp + pd - d*d) / n
	half := z95 * math.Sqrt(math.Max(v, 0))
	return 100 * d, Interval{100 * math.Max(-1, d-half), 100 * math.Min(1, d+half)}
}

// Wilson is the Wilson score interval of k successes in n trials, as
// proportions (0..1).
func Wilson(k, n int) Interval {
	if n == 0 {
		return Interval{}
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z95 * z95
	den := 1 + z2/nf
	center := (p + z2/(2*nf)) / den
	half := z95 / den * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	return Interval{math.Max(0, center-half), math.Min(1, center+half)}
}

// CSAT is the share of satisfied answers (4 or 5 on 1-5) in percent, with
// the Wilson interval in percent.
func CSAT(satisfied, n int) (score float64, ci Interval) {
	if n == 0 {
		return 0, Interval{}
	}
	w := Wilson(satisfied, n)
	return 100 * float64(satisfied) / float64(n), Interval{100 * w.Low, 100 * w.High}
}

// Mean is the mean of n values given their sum and sum of squares, with
// the Student t interval (n-1 degrees of freedom; the normal quantile past
// 30). With one value the interval is the value itself.
func Mean(n int, sum, sumSq float64) (mean float64, ci Interval) {
	if n == 0 {
		return 0, Interval{}
	}
	nf := float64(n)
	mean = sum / nf
	if n == 1 {
		return mean, Interval{mean, mean}
	}
	v := (sumSq - sum*sum/nf) / (nf - 1)
	sd := math.Sqrt(math.Max(v, 0))
	half := tQuantile(n-1) * sd / math.Sqrt(nf)
	return mean, Interval{mean - half, mean + half}
}

// t975 are the 0.975 quantiles of Student's t for 1..30 degrees of freedom.
var t975 = [...]float64{12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
	2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
	2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272}

// tQuantile is the 0.975 quantile of Student's t with df degrees of
// freedom: the table up to 30, then the Cornish-Fisher expansion around
// the normal quantile (error below 1e-5 from 30 on).
func tQuantile(df int) float64 {
	if df <= 0 {
		return math.Inf(1)
	}
	if df <= len(t975) {
		return t975[df-1]
	}
	z, v := z95, float64(df)
	z3, z5, z7, z9 := z*z*z, math.Pow(z, 5), math.Pow(z, 7), math.Pow(z, 9)
	return z + (z3+z)/(4*v) + (5*z5+16*z3+3*z)/(96*v*v) + (3*z7+19*z5+17*z3-15*z)/(384*v*v*v) +
		(79*z9+776*z7+1482*z5-1920*z3-945*z)/(92160*v*v*v*v)
}
