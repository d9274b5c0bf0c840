import statistics as st

n = st.NormalDist(100, 15)
print(n, n.mean, n.stdev, n.variance, round(n.cdf(130), 12), n.inv_cdf(0.975), n.pdf(100))
m = st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(m, n + 5, n * 2, n - 5, n / 2, n.zscore(130), n.quantiles(), n == st.NormalDist(100, 15))
print(round(n.overlap(st.NormalDist(110, 15)), 12))
