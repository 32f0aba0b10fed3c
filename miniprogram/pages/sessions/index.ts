/** 学习: the study sessions of the member's branch. A placeholder until sessions exist. */
Component({
  methods: {
    onLoad() {},
  },
});
