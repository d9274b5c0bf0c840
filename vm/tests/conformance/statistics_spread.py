import statistics as st

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.stdev(data), st.variance(data), st.pstdev(data), st.pvariance(data))
print(st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3, 4], mu=2.5), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4))
