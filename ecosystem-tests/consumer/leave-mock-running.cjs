// Starts a mock from the installed CommonJS build of @thredfi/mock, reports it as one JSON line,
// then returns without closing it: the mock must die with this process.
const { startMock } = require("@thredfi/mock");

startMock().then((mock) => {
  console.log(JSON.stringify({ pid: mock.pid, url: mock.url }));
});
