import statistics as st

for f, arg in [(st.mean, []), (st.stdev, [1]), (st.variance, [5]), (st.harmonic_mean, [-1, 2]), (st.median, [])]:
    try:
        f(arg)
    except st.StatisticsError as e:
        print(f.__name__, type(e).__name__, e)
try:
    st.NormalDist(0, -1)
except st.StatisticsError as e:
    print(e)
