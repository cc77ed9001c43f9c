// The reference of the bench: what a user would write in a `run:` step to create the same job with
// the official SDK (cos-nodejs-sdk-v5), the way the CI API pages show it. Prints the job id and
// writes it to GITHUB_OUTPUT; exits 1 on an error.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as a user writes it in a run: step */
const { appendFileSync } = require('node:fs');
const COS = require('cos-nodejs-sdk-v5');

const env = process.env;
const cos = new COS({ SecretId: env.SECRET_ID, SecretKey: env.SECRET_KEY });
const body = COS.util.json2xml({
  Request: {
    Name: env.JOB_NAME,
    Type: 'Workflow',
    Input: { Object: env.OBJECT },
    Operation: { WorkflowIds: env.WORKFLOW_ID },
  },
});

cos.request(
  {
    Method: 'POST',
    Key: 'inventorytriggerjob',
    Url: `${env.ENDPOINT}/inventorytriggerjob`,
    Headers: { 'content-type': 'application/xml' },
    Body: body,
  },
  (error, data) => {
    if (error) {
      console.error(JSON.stringify(error));
      process.exit(1);
    }
    const jobId = data.Response.JobsDetail.JobId;
    if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `job-id=${jobId}\n`);
    console.log(`Created job ${jobId}`);
  },
);
