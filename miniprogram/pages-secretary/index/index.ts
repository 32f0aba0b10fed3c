/** 书记工作台: the branch secretary's desk. A placeholder until sessions and dues exist. */
Component({
  methods: {
    onLoad() {},
  },
});
